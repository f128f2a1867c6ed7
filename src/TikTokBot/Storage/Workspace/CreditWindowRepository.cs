using System.Globalization;
using static TikTokBot.Storage.Workspace.WorkspaceStorage;

namespace TikTokBot.Storage.Workspace;

internal sealed class CreditWindowRepository(TeamScope scope) : ICreditWindowRepository
{
    private const string Select =
        """
        SELECT id AS Id, scope AS Scope, scope_id AS ScopeId, amount AS Amount, starts_on AS StartsOn, expires_on AS ExpiresOn,
               added_by AS AddedBy, added_at AS AddedAt
        FROM credit_windows
        """;

    public Task<AdCreditWindow> AddAsync(CreditWindowDetails window, string addedBy, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(window.ScopeId);
        if (window.ExpiresOn < window.StartsOn)
        {
            throw new ArgumentException($"A credit window cannot expire ({window.ExpiresOn:yyyy-MM-dd}) before it starts ({window.StartsOn:yyyy-MM-dd}).", nameof(window));
        }

        return scope.WriteAsync(async write =>
        {
            var id = Guid.CreateVersion7().ToString("N");
            var db = write.Database;
            await write.ExecuteAsync(
                """
                INSERT INTO credit_windows (team_id, id, scope, scope_id, amount, starts_on, expires_on, added_by, added_at)
                VALUES (@team, @id, @scope, @scopeId, @amount, @startsOn, @expiresOn, @addedBy, @addedAt);
                """,
                new
                {
                    id,
                    scope = ScopeName(window.Scope),
                    scopeId = window.ScopeId,
                    amount = db.Money(window.Amount),
                    startsOn = db.Date(window.StartsOn),
                    expiresOn = db.Date(window.ExpiresOn),
                    addedBy,
                    addedAt = db.Instant(write.Now),
                });
            var added = new AdCreditWindow(id, window.Scope, window.ScopeId, window.Amount, window.StartsOn, window.ExpiresOn, addedBy, write.Now);
            await write.AuditAsync("credit-window", id, null, Describe(added), addedBy);
            return added;
        }, ct);
    }

    public async Task<AdCreditWindow?> FindAsync(string id, CancellationToken ct)
    {
        var row = await scope.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND id = @id;", new { id }, ct);
        return row is null ? null : ToWindow(row);
    }

    public async Task<IReadOnlyList<AdCreditWindow>> ListAsync(CancellationToken ct) =>
        (await scope.QueryAsync<Row>($"{Select} WHERE team_id = @team ORDER BY expires_on, id;", null, ct)).Select(ToWindow).ToList();

    public Task<bool> RemoveAsync(string id, string removedBy, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND id = @id;", new { id });
        if (old is null)
        {
            return false;
        }

        await write.ExecuteAsync("DELETE FROM credit_windows WHERE team_id = @team AND id = @id;", new { id });
        await write.AuditAsync("credit-window", id, Describe(ToWindow(old)), null, removedBy);
        return true;
    }, ct);

    private static string ScopeName(CreditScope scope) => scope switch
    {
        CreditScope.Campaign => "campaign",
        CreditScope.Advertiser => "advertiser",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "A credit window belongs to a campaign or an advertiser."),
    };

    private static string Describe(AdCreditWindow window) => string.Create(
        CultureInfo.InvariantCulture,
        $"{ScopeName(window.Scope)} {window.ScopeId}: {window.Amount} from {window.StartsOn:yyyy-MM-dd} to {window.ExpiresOn:yyyy-MM-dd}");

    private AdCreditWindow ToWindow(Row row)
    {
        var db = scope.Database;
        var creditScope = row.Scope == "advertiser" ? CreditScope.Advertiser : CreditScope.Campaign;
        return new(row.Id, creditScope, row.ScopeId, db.ReadMoney(row.Amount), db.ReadDate(row.StartsOn), db.ReadDate(row.ExpiresOn), row.AddedBy, db.ReadInstant(row.AddedAt));
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";

        public string Scope { get; set; } = "";

        public string ScopeId { get; set; } = "";

        public object Amount { get; set; } = "";

        public object StartsOn { get; set; } = "";

        public object ExpiresOn { get; set; } = "";

        public string AddedBy { get; set; } = "";

        public object AddedAt { get; set; } = "";
    }
}
