using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace TikTokBot.Storage.Keys;

/// <summary>The Data Protection keys as files in the data folder's <c>keys/</c>, the folder 0700 and each file 0600.</summary>
internal sealed class PrivateFileXmlRepository(string folder) : IXmlRepository
{
    private readonly FileSystemXmlRepository _files = new(new DirectoryInfo(PrivateFiles.Folder(folder)), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    public IReadOnlyCollection<XElement> GetAllElements() => _files.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        _files.StoreElement(element, friendlyName);
        PrivateFiles.Narrow(Directory.GetFiles(folder, "*.xml"));
    }
}
