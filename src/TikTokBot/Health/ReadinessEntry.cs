using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TikTokBot.Health;

internal sealed record ReadinessEntry(string Name, string Status, string? Description, double DurationMs);
