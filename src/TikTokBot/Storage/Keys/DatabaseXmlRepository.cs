using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using TikTokBot.Storage.Database;

namespace TikTokBot.Storage.Keys;

/// <summary>
/// The Data Protection keys in the database (<c>data_protection_keys</c>), for PostgreSQL: every instance on it decrypts
/// what any other encrypted. The first read of an empty table takes in the keys an earlier version left in <c>keys/</c>,
/// so tokens stored before still decrypt. Data Protection calls these synchronously, and rarely (it caches the key ring).
/// </summary>
internal sealed class DatabaseXmlRepository(StorageDatabase database, string legacyFolder) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var rows = connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id;").AsList();
        if (rows.Count == 0 && Directory.Exists(legacyFolder))
        {
            foreach (var file in Directory.GetFiles(legacyFolder, "*.xml").Order(StringComparer.Ordinal))
            {
                var xml = File.ReadAllText(file);
                connection.Execute("INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml);",
                    new { name = Path.GetFileNameWithoutExtension(file), xml });
                rows.Add(xml);
            }
        }

        return rows.Select(XElement.Parse).ToArray();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        connection.Execute("INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml);",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
