using System.Security.Cryptography;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Slack.Handlers;

/// <summary>
/// What a person is told when a handler fails: one plain sentence with a short reference that is also in the
/// log line, so whoever runs the app can find the failure from the message the person quotes.
/// </summary>
public static class HandlerFailureNotice
{
    /// <summary>Eight lowercase hex characters: short enough to read out, enough that two failures rarely share one.</summary>
    public static string NewReference() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public static string Sentence(string reference) =>
        $"Sorry, something went wrong on my side and I could not finish this; please try again, and quote reference {reference} if it keeps happening.";

    /// <summary>A private message that adds to the conversation rather than replacing an answer already shown.</summary>
    public static SlackMessage Message(string reference) =>
        new() { ResponseType = "ephemeral", ReplaceOriginal = false, Text = Sentence(reference) };

    /// <summary>Pushed over a modal whose submission failed, so the form and what was typed stay underneath.</summary>
    public static SlackView Modal(string reference) =>
        new ModalBuilder("Something went wrong").Close("Back").Section(Mrkdwn.Escape(Sentence(reference))).Build();
}
