using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace TikTokBot.Tests.Architecture;

/// <summary>
/// No static mutable state in src/ except what a comment justifies (issue 29, "one cache"): every static field of the app's
/// four assemblies that is not readonly, or is readonly but holds a mutable collection, must be declared right under a
/// comment starting <c>// Static:</c> that says why it is safe to share across the process; and no
/// <c>ConditionalWeakTable</c> anywhere (what is kept beside an object goes in the one cache, under a key).
/// </summary>
public sealed class StaticStateTests
{
    private static readonly Assembly[] App =
    [
        typeof(TikTokBot.Storage.DataFolder).Assembly,
        typeof(TikTokBot.Domain.CampaignEngine).Assembly,
        typeof(TikTokBot.Slack.BlockKit.SlackMessage).Assembly,
        typeof(TikTokBot.TikTok.Caching.ReportCache).Assembly,
    ];

    // Collections whose contents can change after the field is set (arrays are left out: the app's are lookup tables
    // written once in their initialisers; a frozen or immutable collection is not mutable).
    private static readonly Type[] MutableCollections =
    [
        typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(Queue<>), typeof(Stack<>), typeof(SortedDictionary<,>),
        typeof(SortedSet<>), typeof(System.Collections.Concurrent.ConcurrentDictionary<,>), typeof(System.Collections.Concurrent.ConcurrentQueue<>),
        typeof(System.Collections.Concurrent.ConcurrentBag<>), typeof(System.Collections.Concurrent.ConcurrentStack<>), typeof(ConditionalWeakTable<,>),
    ];

    [Fact]
    public void No_source_file_uses_a_ConditionalWeakTable()
    {
        var users = SourceFiles().Where(f => File.ReadAllText(f).Contains("ConditionalWeakTable", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(SourceRoot(), f)).ToArray();

        Assert.Empty(users);
    }

    [Fact]
    public void Every_static_mutable_field_is_justified_by_a_comment()
    {
        var sources = SourceFiles().Select(f => (Path: f, Lines: File.ReadAllLines(f))).ToArray();
        var unjustified = new List<string>();
        foreach (var field in StaticMutableFields())
        {
            if (!Justified(field, sources))
            {
                unjustified.Add($"{field.DeclaringType!.FullName}.{field.Name} ({field.FieldType.Name})");
            }
        }

        Assert.True(unjustified.Count == 0, string.Join("\n", unjustified));
    }

    [Fact]
    public void The_check_finds_a_static_mutable_field_and_reads_its_comment()
    {
        // The rule itself, on a type of this test assembly: a field it must find, and the comment it must accept.
        var fields = StaticMutableFields(typeof(StaticStateTests).Assembly).Select(f => f.Name).ToArray();
        Assert.Contains(nameof(Counted), fields);
        Assert.Contains(nameof(Seen), fields);
        Assert.DoesNotContain(nameof(App), fields);
        Assert.DoesNotContain(nameof(MutableCollections), fields);

        var here = new[] { (Path: "x.cs", Lines: new[] { "    // Static: a test of the test.", "    private static int Counted;" }) };
        Assert.True(Justified(typeof(StaticStateTests).GetField(nameof(Counted), BindingFlags.NonPublic | BindingFlags.Static)!, here));
        var bare = new[] { (Path: "x.cs", Lines: new[] { "    // a comment that is not a justification", "    private static int Counted;" }) };
        Assert.False(Justified(typeof(StaticStateTests).GetField(nameof(Counted), BindingFlags.NonPublic | BindingFlags.Static)!, bare));
    }

#pragma warning disable CS0649, CS0169, IDE0044 // The fields the test above must find.
    private static int Counted;
    private static readonly List<string> Seen = [];
#pragma warning restore CS0649, CS0169, IDE0044

    private static IEnumerable<FieldInfo> StaticMutableFields() => App.SelectMany(StaticMutableFields);

    private static IEnumerable<FieldInfo> StaticMutableFields(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => !IsGenerated(t))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsLiteral && !IsGenerated(f) && (!f.IsInitOnly || IsMutableCollection(f.FieldType)));

    private static bool IsMutableCollection(Type type) =>
        type.IsGenericType && MutableCollections.Contains(type.GetGenericTypeDefinition());

    // Lambda caches, backing fields, source-generated JSON and regex code: the compiler's and the generators', not ours.
    private static bool IsGenerated(MemberInfo member) =>
        member.Name.Contains('<', StringComparison.Ordinal) || member.IsDefined(typeof(CompilerGeneratedAttribute), false) ||
        member.IsDefined(typeof(System.CodeDom.Compiler.GeneratedCodeAttribute), false) ||
        (member.DeclaringType is { } declaring && IsGenerated(declaring)) ||
        (member is Type { Namespace: not null } type && type.Namespace.StartsWith("System.Text.RegularExpressions.Generated", StringComparison.Ordinal));

    /// <summary>
    /// Declared in some source file on a line that names it as static, under a comment block (attributes may stand
    /// between) with a line starting <c>// Static:</c>.
    /// </summary>
    private static bool Justified(FieldInfo field, IReadOnlyList<(string Path, string[] Lines)> sources)
    {
        var declaration = new Regex($@"\bstatic\b.*\b{Regex.Escape(field.Name)}\b\s*(=|;)");
        foreach (var (_, lines) in sources)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (!declaration.IsMatch(lines[i]))
                {
                    continue;
                }

                for (var above = i - 1; above >= 0 && lines[above].TrimStart() is var line && (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('[')); above--)
                {
                    if (lines[above].TrimStart().StartsWith("// Static:", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TikTokBot.sln")))
            {
                return Path.Combine(dir.FullName, "src");
            }
        }

        throw new InvalidOperationException("No TikTokBot.sln above the test's folder.");
    }
}
