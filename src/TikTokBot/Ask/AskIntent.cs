namespace TikTokBot.Ask;

/// <summary>What a question in plain words asks for. Each is answered by a view the command or the digest already gives.</summary>
internal enum AskIntent
{
    /// <summary>How is a campaign doing: the summary <c>/ttmetrics campaign-42</c> gives.</summary>
    Summary,

    /// <summary>What to fix in a campaign: the fix list.</summary>
    Fix,

    /// <summary>Which campaigns are off track over a period.</summary>
    OffTrack,

    /// <summary>A campaign against the period before.</summary>
    Compare,

    /// <summary>How much ad credit is left and when it runs out.</summary>
    Credit,

    /// <summary>Why a metric went up or down: its chart and the findings.</summary>
    Why,

    /// <summary>A metric by age, gender, placement, device, ad group, ad or day.</summary>
    Breakdown,

    /// <summary>Every campaign: the list.</summary>
    Overview,

    /// <summary>Who took which fix, what the asker is on, a campaign's fixes: from the check-ins.</summary>
    CheckIns,

    /// <summary>Pause, resume or budget: Ask only reads, and says which command changes a campaign.</summary>
    Change,

    Help,
}
