using System.Reflection;
using Microsoft.Extensions.Configuration;
using TikTokBot.Actions;
using TikTokBot.Domain.Actions;

namespace TikTokBot.Tests.Actions;

public sealed class ActionConfigurationTests
{
    private static IConfigurationRoot ShippedSettings() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: false)
        .Build();

    [Fact]
    public void Appsettings_lists_every_action_setting_with_the_documented_default()
    {
        var shipped = ShippedSettings();
        var section = shipped.GetSection(ActionOptions.SectionName);
        var bound = section.Get<ActionOptions>()!;
        var defaults = new ActionOptions();

        foreach (var setting in typeof(ActionOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(section[setting.Name] is not null, $"appsettings.json has no Actions:{setting.Name}");
            Assert.Equal(setting.GetValue(defaults), setting.GetValue(bound));
        }

        Assert.Equal(new TikTokBot.Permissions.PermissionOptions().Act, shipped["Permissions:Act"]);
    }
}
