using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace TikTokBot.Testing.External;

/// <summary>
/// Checks, by reading each method's IL, that nothing reaches an outside server or program unguarded: every method that
/// references a type or member marked <see cref="ExternalResourceAttribute"/> is a test whose guard names what it
/// touches, belongs to a class whose <see cref="NeedsAttribute"/> does, or is marked itself (its callers are then
/// checked the same way). A class fixture of a marked type counts as a touch by every test of the class.
/// </summary>
public static class ExternalResourceGuard
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>What a test needs: its own attribute's list and its class's.</summary>
    public static IReadOnlySet<External> Needs(Type testClass, MethodInfo test)
    {
        var needs = new HashSet<External>();
        needs.UnionWith(testClass.GetCustomAttributes<NeedsAttribute>(inherit: true).SelectMany(a => a.Needs));
        needs.UnionWith(test.GetCustomAttribute<NeedsFactAttribute>()?.Needs ?? []);
        needs.UnionWith(test.GetCustomAttribute<NeedsTheoryAttribute>()?.Needs ?? []);
        return needs;
    }

    /// <summary>Fails with one line per unguarded method of <paramref name="assembly"/>.</summary>
    public static void AssertAllGuarded(Assembly assembly)
    {
        var problems = Unguarded(assembly);
        Assert.True(problems.Count == 0, $"{problems.Count} unguarded:\n" + string.Join("\n", problems));
    }

    /// <summary>One line per method of <paramref name="assembly"/> that touches an outside resource without saying so.</summary>
    public static IReadOnlyList<string> Unguarded(Assembly assembly)
    {
        var touches = TouchesByMethod(assembly);
        var problems = new List<string>();

        foreach (var type in assembly.GetTypes().Where(t => !IsGenerated(t) && !t.IsAbstract && t.IsClass))
        {
            var tests = type.GetMethods(BindingFlags.Instance | BindingFlags.Public).Where(m => m.IsDefined(typeof(FactAttribute), inherit: true)).ToList();
            var classTouches = ClassWide(type, touches);
            foreach (var test in tests)
            {
                var needed = new HashSet<External>(classTouches);
                needed.UnionWith(touches.GetValueOrDefault(Key(test)) ?? []);
                if (needed.Count == 0)
                {
                    continue;
                }

                // Only the discoverers of [NeedsFact] and [NeedsTheory] report a skip: a plain [Fact] fails without the server.
                var missing = needed.Except(Needs(type, test)).ToList();
                if (!IsGuardedAttribute(test))
                {
                    problems.Add($"{type.FullName}.{test.Name} touches {string.Join(", ", needed)}: use [NeedsFact({Args(needed)})] / [NeedsTheory(...)], or [NeedsFact] with [Needs(...)] on the class");
                }
                else if (missing.Count > 0)
                {
                    problems.Add($"{type.FullName}.{test.Name} touches {string.Join(", ", missing)} but its guard does not name it: add {Args(missing)}");
                }
            }
        }

        // A helper outside the tests that touches a resource must say so, so that its own callers are checked.
        foreach (var (key, needs) in touches)
        {
            var method = key.Method;
            var owner = method.DeclaringType!;
            if (method.IsDefined(typeof(FactAttribute), inherit: true) || IsTestClass(owner) || IsMarked(method) || IsMarked(owner))
            {
                continue;
            }

            problems.Add($"{owner.FullName}.{method.Name} reaches {string.Join(", ", needs)}: mark it [ExternalResource({Args(needs)})] so its callers are checked");
        }

        return problems.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static string Args(IEnumerable<External> needs) => string.Join(", ", needs.Select(n => $"External.{n}"));

    private static bool IsGuardedAttribute(MethodInfo test) => test.IsDefined(typeof(NeedsFactAttribute)) || test.IsDefined(typeof(NeedsTheoryAttribute));

    private static bool IsTestClass(Type type) =>
        type.GetMethods(BindingFlags.Instance | BindingFlags.Public).Any(m => m.IsDefined(typeof(FactAttribute), inherit: true));

    private static bool IsMarked(MemberInfo member) => member.IsDefined(typeof(ExternalResourceAttribute), inherit: false);

    private static IEnumerable<External> MarkOf(MemberInfo member) =>
        member.GetCustomAttribute<ExternalResourceAttribute>(inherit: false)?.Needs ?? [];

    /// <summary>What every test of a class touches: its fixtures, constructors, field initialisers and non-test members.</summary>
    private static HashSet<External> ClassWide(Type type, Dictionary<MethodKey, HashSet<External>> touches)
    {
        var needs = new HashSet<External>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var fixture in t.GetInterfaces().Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IClassFixture<>) || i.GetGenericTypeDefinition() == typeof(ICollectionFixture<>))))
            {
                needs.UnionWith(MarkOf(fixture.GetGenericArguments()[0]));
            }

            foreach (var member in t.GetMembers(Declared).OfType<MethodBase>().Where(m => !m.IsDefined(typeof(FactAttribute), inherit: true)))
            {
                needs.UnionWith(touches.GetValueOrDefault(Key(member)) ?? []);
            }
        }

        return needs;
    }

    /// <summary>A method as declared, whichever type reflection reached it through (an inherited test is the same method).</summary>
    private readonly record struct MethodKey(Module Module, int Token)
    {
        public MethodBase Method => Module.ResolveMethod(Token)!;
    }

    private static MethodKey Key(MethodBase method) => new(method.Module, method.MetadataToken);

    /// <summary>Each user-written method's direct touches, with its compiler-made state machines and lambdas folded in.</summary>
    private static Dictionary<MethodKey, HashSet<External>> TouchesByMethod(Assembly assembly)
    {
        var touches = new Dictionary<MethodKey, HashSet<External>>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMembers(Declared).OfType<MethodBase>())
            {
                var found = IlReferences.Of(method).SelectMany(MarksOf).ToHashSet();
                if (found.Count == 0)
                {
                    continue;
                }

                foreach (var owner in UserMethodsOf(method))
                {
                    if (!touches.TryGetValue(Key(owner), out var set))
                    {
                        touches[Key(owner)] = set = [];
                    }

                    set.UnionWith(found);
                }
            }
        }

        return touches;
    }

    private static IEnumerable<External> MarksOf(MemberInfo member)
    {
        foreach (var need in MarkOf(member))
        {
            yield return need;
        }

        var types = member switch
        {
            Type t => [t],
            FieldInfo f => new[] { f.DeclaringType, f.FieldType },
            PropertyInfo p => [p.DeclaringType, p.PropertyType],
            MethodBase m => [m.DeclaringType, (m as MethodInfo)?.ReturnType],
            _ => [],
        };
        foreach (var type in types.OfType<Type>())
        {
            foreach (var need in MarkOf(type))
            {
                yield return need;
            }
        }

        // A property's getter is what the IL calls; the mark sits on the property.
        if (member is MethodInfo { IsSpecialName: true } accessor && accessor.DeclaringType is { } declaring)
        {
            foreach (var property in declaring.GetProperties(Declared).Where(p => p.GetMethod == accessor || p.SetMethod == accessor))
            {
                foreach (var need in MarkOf(property))
                {
                    yield return need;
                }
            }
        }
    }

    /// <summary>The user-written methods a compiler-made method belongs to (itself when it is one).</summary>
    private static IEnumerable<MethodBase> UserMethodsOf(MethodBase method)
    {
        var type = method.DeclaringType!;
        if (!IsGenerated(type) && !IsGeneratedName(method.Name))
        {
            return [method];
        }

        // Names such as <Run>d__3 (state machine), <Run>b__0 (lambda) and <Run>g__Local|1_0 (local function).
        var name = IsGeneratedName(method.Name) ? method.Name : type.Name;
        var outer = OuterName(name);
        var user = type;
        while (user is not null && IsGenerated(user))
        {
            outer ??= OuterName(user.Name);
            user = user.DeclaringType;
        }

        if (user is null)
        {
            return [];
        }

        var matches = user.GetMembers(Declared).OfType<MethodBase>().Where(m => outer is null ? false : m.Name == outer || (outer == ".ctor" && m is ConstructorInfo)).ToList();
        // A lambda in a field initialiser or with no recognisable owner belongs to the class as a whole: its constructors.
        return matches.Count > 0 ? matches : user.GetConstructors(Declared);
    }

    private static string? OuterName(string generated)
    {
        if (!generated.StartsWith('<'))
        {
            return null;
        }

        // A lambda's state machine nests the names: <<Run>b__0>d.
        var name = generated.TrimStart('<');
        var end = name.IndexOf('>', StringComparison.Ordinal);
        return end > 0 ? name[..end] : null;
    }

    private static bool IsGeneratedName(string name) => name.StartsWith('<');

    private static bool IsGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || type.Name.StartsWith('<');
}
