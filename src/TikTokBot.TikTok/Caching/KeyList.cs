namespace TikTokBot.TikTok.Caching;

/// <summary>A list inside a cache key, equal to another with the same items in the same order (a record's own list field compares by reference).</summary>
public sealed class KeyList<T>(IReadOnlyList<T> items) : IEquatable<KeyList<T>>
{
    private readonly T[] _items = items.ToArray();

    public IReadOnlyList<T> Items => _items;

    public bool Equals(KeyList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items));

    public override bool Equals(object? obj) => obj is KeyList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", _items);
}
