using System.Buffers;
using System.Text;

namespace TikTokBot.Slack.Payloads;

/// <summary>Reads <c>application/x-www-form-urlencoded</c> bytes field by field without building a dictionary.</summary>
internal ref struct FormBody(ReadOnlySpan<byte> body)
{
    private ReadOnlySpan<byte> _rest = body;

    public bool TryNext(out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> rawValue)
    {
        while (!_rest.IsEmpty)
        {
            var end = _rest.IndexOf((byte)'&');
            var pair = end < 0 ? _rest : _rest[..end];
            _rest = end < 0 ? default : _rest[(end + 1)..];
            if (pair.IsEmpty)
                continue;
            var eq = pair.IndexOf((byte)'=');
            name = eq < 0 ? pair : pair[..eq];
            rawValue = eq < 0 ? default : pair[(eq + 1)..];
            return true;
        }
        name = default;
        rawValue = default;
        return false;
    }

    /// <summary>Decodes '+' and %XX escapes, then UTF-8; a broken escape is kept as written.</summary>
    public static string Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOfAny((byte)'%', (byte)'+') < 0)
            return Encoding.UTF8.GetString(raw);

        byte[]? rented = null;
        var buffer = raw.Length <= 512 ? stackalloc byte[raw.Length] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            var n = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                var b = raw[i];
                if (b == '+')
                    buffer[n++] = (byte)' ';
                else if (b == '%' && i + 2 < raw.Length && TryHex(raw[i + 1], raw[i + 2], out var decoded))
                {
                    buffer[n++] = decoded;
                    i += 2;
                }
                else
                    buffer[n++] = b;
            }
            return Encoding.UTF8.GetString(buffer[..n]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static bool NameIs(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected) => name.SequenceEqual(expected);

    private static bool TryHex(byte high, byte low, out byte value)
    {
        var h = HexValue(high);
        var l = HexValue(low);
        value = (byte)((h << 4) | l);
        return h >= 0 && l >= 0;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
