namespace TikTokBot.Storage;

/// <summary>
/// What every request reads of a workspace (its aliases, success criteria and credit windows, its TikTok connections)
/// kept in memory: each read is kept for <see cref="StorageOptions.SettingsFreshFor"/> (or the freshness its reader
/// gives), and every write to the workspace through this process's storage drops them at once. A write made by another instance sharing the database is seen within that time.
/// </summary>
internal sealed class WorkspaceReadCache(TimeProvider time, StorageOptions options)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TeamReads> _teams = new(StringComparer.Ordinal);

    /// <summary>What <paramref name="read"/> answers for <paramref name="what"/> of the team, from memory while it is fresh.</summary>
    public Task<T> ReadAsync<T>(string teamId, string what, Func<Task<T>> read) where T : class =>
        ReadAsync(teamId, what, options.SettingsFreshFor, read);

    /// <summary>The same, kept for <paramref name="freshFor"/> (zero: read every time) instead of the settings' freshness.</summary>
    public async Task<T> ReadAsync<T>(string teamId, string what, TimeSpan freshFor, Func<Task<T>> read) where T : class
    {
        if (freshFor <= TimeSpan.Zero)
        {
            return await read();
        }

        var team = _teams.GetOrAdd(teamId, _ => new TeamReads());
        if (team.Reads.TryGetValue(what, out var kept) && time.GetElapsedTime(kept.ReadAt) < freshFor)
        {
            return (T)kept.Value;
        }

        var readAt = time.GetTimestamp();
        var generation = Volatile.Read(ref team.Generation);
        var value = await read();
        lock (team)
        {
            // A write that committed while this read ran may not be in it: answer with it once, but do not keep it.
            if (team.Generation == generation)
            {
                team.Reads[what] = new Kept(readAt, value);
            }
        }

        return value;
    }

    /// <summary>Called after every committed write to the team: nothing read before it is answered again.</summary>
    public void Changed(string teamId)
    {
        if (_teams.TryGetValue(teamId, out var team))
        {
            lock (team)
            {
                team.Generation++;
                team.Reads.Clear();
            }
        }
    }

    private sealed record Kept(long ReadAt, object Value);

    private sealed class TeamReads
    {
        public long Generation;

        public readonly System.Collections.Concurrent.ConcurrentDictionary<string, Kept> Reads = new(StringComparer.Ordinal);
    }
}
