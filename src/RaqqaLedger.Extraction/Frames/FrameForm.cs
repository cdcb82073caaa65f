using System.Text.RegularExpressions;

namespace RaqqaLedger.Extraction.Frames;

/// <summary>The ways a frame can be written.</summary>
public enum FormKind
{
    /// <summary>"275 fighters (and their families) have left": the theme is the subject of an intransitive verb.</summary>
    Active,
    /// <summary>"275 fighters were bussed out": the theme is the subject of a passive transitive verb.</summary>
    Passive,
    /// <summary>"275 fighters bussed out", "a deal brokered by …": a participle with no auxiliary (headlines, reduced relatives).</summary>
    Bare,
    /// <summary>"local officials brokered the deal": agent, verb, theme.</summary>
    Agentive,
    /// <summary>"the SDF bussed out 275 fighters", "took 250 fighters … out": the theme is the object; any subject.</summary>
    Object,
    /// <summary>"allowed 275 fighters to leave": the theme is the object of a permission verb.</summary>
    Permitted,
    /// <summary>"the departure of 275 fighters", "mediation of tribal elders".</summary>
    Noun,
    /// <summary>"a US-brokered deal".</summary>
    Compound,
}

/// <summary>Where a frame's theme stands: a pattern scanned over the sentence, or the parts around a quantity.</summary>
/// <param name="Scan">For a theme without a quantity: found anywhere in the sentence.</param>
/// <param name="BeforeQuantity">For a theme holding (?&lt;q&gt;{Q}): what stands right before the quantity (right to left, ending at \G), if anything.</param>
/// <param name="AfterQuantity">For a theme holding (?&lt;q&gt;{Q}): the rest of the theme from the quantity's end (anchored at \G).</param>
/// <param name="Id">Its number among the rule set's themes, where a sentence keeps what it found for it.</param>
public sealed record ThemePattern(Regex? Scan, Regex? BeforeQuantity, Regex? AfterQuantity, int Id)
{
    public bool HasQuantity => AfterQuantity is not null;
}

/// <summary>
/// One form of a compiled frame: what to look for word by word (the verb classes, the kind of verb group)
/// and the small patterns for its arguments. The verb group itself is read by <see cref="FrameMatcher"/>.
/// </summary>
/// <param name="Classes">The verb classes the frame names.</param>
/// <param name="ClassesId">The number of that set of classes among the rule set's, shared by every frame naming the same classes.</param>
/// <param name="Agent">The agent, matched from the word the form hangs on: right to left from where the verb group starts
/// (agentive: "local officials, who had …, brokered"), right to left from the participle (compound: "US-brokered"), or
/// forward from the noun's end (noun: "mediation of tribal elders").</param>
/// <param name="By">"by local officials", "between X and local officials", anchored (\G) after a passive or bare verb.</param>
/// <param name="After">What must follow the verb (active, passive, bare) or the theme (other forms), anchored (\G).</param>
/// <param name="Particle">For an object form of a phrasal verb split by its object: the particle after the theme ("out").</param>
/// <param name="ParticleWord">That particle's first word, so the form is tried only for verbs that take it ("took … out", not "let … out" for "let go").</param>
/// <param name="Grant">For a frame that needs leave granted: a word of it ("allowed", "permission"), which the sentence must hold
/// for the form to be tried; the verb group itself is checked when the claim is made.</param>
public sealed record FrameForm(
    FormKind Kind, IReadOnlySet<string> Classes, int ClassesId, ThemePattern Theme, Regex? Agent, Regex? By, Regex? After, Regex? Particle,
    Regex? Grant = null, string? ParticleWord = null)
{
    public string Name => Kind.ToString().ToLowerInvariant();

    /// <summary>
    /// The patterns every match of this form has matched (see <see cref="FrameMatcher"/>): a noun with an agent
    /// only its agent; a compound its agent and theme; the others their theme and whichever of agent, "by",
    /// what follows and the particle they have.
    /// </summary>
    public IEnumerable<Regex?> Required() => Kind switch
    {
        FormKind.Noun when Agent is not null => [Agent],
        FormKind.Compound => [Theme.Scan, Theme.BeforeQuantity, Theme.AfterQuantity, Agent],
        _ => [Theme.Scan, Theme.BeforeQuantity, Theme.AfterQuantity, Agent, By, After, Particle, Grant],
    };
}
