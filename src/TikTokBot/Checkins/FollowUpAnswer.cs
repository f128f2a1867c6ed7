namespace TikTokBot.Checkins;

/// <summary>A follow-up's answer: the verdict (Better, NoClearChange, Worse or Skipped), the figures or the reason, and the thread's text.</summary>
internal sealed record FollowUpAnswer(string Verdict, string Note, string Text);
