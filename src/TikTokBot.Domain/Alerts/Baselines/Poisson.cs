namespace TikTokBot.Domain.Alerts.Baselines;

/// <summary>The Poisson probabilities the baselines judge counts with. Pure.</summary>
public static class Poisson
{
    /// <summary>P(X ≤ <paramref name="count"/>) for a Poisson count of mean <paramref name="mean"/>; e^-mean for a count of 0.</summary>
    public static double AtMost(long count, double mean)
    {
        if (count < 0)
        {
            return 0;
        }

        if (mean <= 0)
        {
            return 1;
        }

        // Summed in logs so a large mean does not underflow e^-mean before the terms grow.
        var logTerm = -mean;
        var logSum = logTerm;
        for (var i = 1L; i <= count; i++)
        {
            logTerm += Math.Log(mean / i);
            var (high, low) = logSum >= logTerm ? (logSum, logTerm) : (logTerm, logSum);
            logSum = high + Math.Log(1 + Math.Exp(low - high));
        }

        return Math.Min(1, Math.Exp(logSum));
    }
}
