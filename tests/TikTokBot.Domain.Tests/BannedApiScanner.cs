using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TikTokBot.Domain.Tests;

/// <summary>
/// Reads an assembly's metadata (not its referenced assembly names: the clock and file APIs live in
/// System.Runtime like everything else) and lists every use of an API that reads the clock, does I/O or
/// draws unseeded randomness. Every member a compiled method calls or reads appears as a member reference.
/// </summary>
internal static class BannedApiScanner
{
    // Any member of these types is I/O, the real clock, the process or the network.
    private static readonly HashSet<string> BannedTypes = new(StringComparer.Ordinal)
    {
        "System.IO.File", "System.IO.Directory", "System.IO.Path", "System.IO.FileInfo", "System.IO.DirectoryInfo",
        "System.IO.FileStream", "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.FileSystemWatcher",
        "System.Console", "System.Environment", "System.Diagnostics.Process", "System.Diagnostics.Stopwatch",
        "System.Net.Http.HttpClient", "System.Net.Http.HttpClientHandler", "System.Net.Sockets.Socket", "System.Net.Dns",
        "System.Threading.Thread", "System.Threading.Timer", "System.Timers.Timer", "System.Threading.PeriodicTimer",
    };

    // Single members of otherwise harmless types.
    private static readonly HashSet<string> BannedMembers = new(StringComparer.Ordinal)
    {
        "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today",
        "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow",
        "System.TimeProvider.get_System", "System.TimeProvider.GetUtcNow", "System.TimeProvider.GetLocalNow", "System.TimeProvider.GetTimestamp",
        "System.Threading.Tasks.Task.Delay", "System.Random.get_Shared", "System.Guid.NewGuid",
        "System.Security.Cryptography.RandomNumberGenerator.GetBytes", "System.Security.Cryptography.RandomNumberGenerator.GetInt32",
    };

    /// <summary>"Type.Member" for each banned use, sorted; empty when the assembly is pure.</summary>
    public static IReadOnlyList<string> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var found = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (TypeName(md, member.Parent) is not { } type)
                continue;
            var name = md.GetString(member.Name);
            if (BannedTypes.Contains(type) || BannedMembers.Contains(type + "." + name) || IsUnseededRandom(md, member, type, name))
                found.Add(type + "." + name);
        }

        // A banned type used only as a field, parameter or local type still shows up as a type reference.
        foreach (var handle in md.TypeReferences)
        {
            if (TypeName(md, handle) is { } type && BannedTypes.Contains(type))
                found.Add(type);
        }

        return found.ToArray();
    }

    /// <summary><c>new Random()</c> seeds itself from the system; <c>new Random(seed)</c> is reproducible.</summary>
    private static bool IsUnseededRandom(MetadataReader md, MemberReference member, string type, string name)
    {
        if (type != "System.Random" || name != ".ctor")
            return false;
        var blob = md.GetBlobReader(member.Signature);
        blob.ReadSignatureHeader();
        return blob.ReadCompressedInteger() == 0;
    }

    private static string? TypeName(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                var reference = md.GetTypeReference((TypeReferenceHandle)handle);
                // Nested types: the enclosing type names the namespace.
                var scope = reference.ResolutionScope.Kind == HandleKind.TypeReference ? TypeName(md, reference.ResolutionScope) : md.GetString(reference.Namespace);
                return string.IsNullOrEmpty(scope) ? md.GetString(reference.Name) : scope + "." + md.GetString(reference.Name);
            case HandleKind.TypeSpecification:
                // A generic instantiation: its blob starts with the generic type's handle.
                var blob = md.GetBlobReader(md.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                return blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance
                    ? (blob.ReadSignatureTypeCode(), TypeName(md, blob.ReadTypeHandle())).Item2
                    : null;
            default:
                return null;
        }
    }
}
