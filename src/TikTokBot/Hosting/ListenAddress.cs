namespace TikTokBot.Hosting;

/// <summary>
/// Where the app listens when nobody said: <see cref="Default"/>, loopback only, so a laptop run is not reachable
/// from the network. Anything that names an address wins: <c>--urls</c>, <c>ASPNETCORE_URLS</c> / <c>DOTNET_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c> / <c>HTTPS_PORTS</c> (set by the .NET container images) or Kestrel endpoints in
/// configuration. The default is not in appsettings.json because a "Urls" there would beat the container's ports.
/// </summary>
internal static class ListenAddress
{
    public const string Default = "http://127.0.0.1:5080";

    // The host's own keys: command-line switches and ASPNETCORE_/DOTNET_ variables arrive under these names.
    private static readonly string[] AddressKeys = [WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey];

    /// <summary>The default address, or null when configuration already says where to listen.</summary>
    public static string? DefaultUnlessSet(IConfiguration configuration)
    {
        if (AddressKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key])))
            return null;
        return configuration.GetSection("Kestrel:Endpoints").GetChildren().Any() ? null : Default;
    }

    /// <summary>Listens on <see cref="Default"/> unless configuration already names an address.</summary>
    public static void UseDefaultUnlessSet(WebApplicationBuilder builder)
    {
        if (DefaultUnlessSet(builder.Configuration) is { } address)
            builder.WebHost.UseUrls(address);
    }
}
