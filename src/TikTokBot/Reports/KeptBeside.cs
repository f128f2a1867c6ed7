using System.Runtime.CompilerServices;

namespace TikTokBot.Reports;

/// <summary>
/// A view derived from a kept one (a cached reply with the workspace's footer, a shared digest rendered for its
/// header) kept beside it for as long as it lives, and built again only when its other inputs change. Without it each
/// answer would be a new message, built and serialised again, though nothing in it changed.
/// </summary>
/// <typeparam name="TInputs">Everything besides the source the view depends on, compared by value.</typeparam>
internal sealed class KeptBeside<TSource, TInputs, TView> where TSource : class where TView : class
{
    private readonly ConditionalWeakTable<TSource, Entry> _kept = new();

    public TView Get(TSource source, TInputs inputs, Func<TView> build)
    {
        if (_kept.TryGetValue(source, out var kept) && EqualityComparer<TInputs>.Default.Equals(kept.Inputs, inputs))
        {
            return kept.View;
        }

        var view = build();
        _kept.AddOrUpdate(source, new Entry(inputs, view));
        return view;
    }

    private sealed record Entry(TInputs Inputs, TView View);
}
