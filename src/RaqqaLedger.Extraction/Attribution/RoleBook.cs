namespace RaqqaLedger.Extraction.Attribution;

/// <summary>A person the article names with a role: "SDF spokesman Mostafa Bali", "Omar Alloush, a member of the council".</summary>
/// <param name="Start">Where the role phrase starts in the article.</param>
/// <param name="End">Where the role phrase ends in the article.</param>
/// <param name="Role">The role noun, singular and lower case, synonyms folded ("spokesperson").</param>
/// <param name="Organisation">The canonical organisation the role is in, when the phrase names one.</param>
/// <param name="Person">The person's canonical name.</param>
public sealed record RoleBinding(int Start, int End, string Role, string? Organisation, string Person);

/// <summary>
/// The roles an article gives its people, read before its sentences are. A role phrase elsewhere ("a
/// militia spokesman said") is the person named with that role in the same article — the nearest before
/// it, else the first after it — and never a fixed alias of anyone.
/// </summary>
public sealed class RoleBook
{
    public static RoleBook Empty { get; } = new([]);

    private readonly IReadOnlyList<RoleBinding> bindings;

    public RoleBook(IReadOnlyList<RoleBinding> bindings) => this.bindings = bindings;

    public IReadOnlyList<RoleBinding> Bindings => bindings;

    /// <summary>The person holding <paramref name="role"/> (in <paramref name="organisation"/>, when given) for a mention at <paramref name="at"/>.</summary>
    public string? PersonFor(string role, string? organisation, int at)
    {
        RoleBinding? before = null;
        RoleBinding? after = null;
        foreach (var b in bindings)
        {
            // A mention naming an organisation ("an SDF spokesman") takes only someone given that role there.
            if (b.Role != role || (organisation is not null && b.Organisation != organisation))
                continue;
            if (b.Start <= at)
                before = b;
            else
                after ??= b;
        }
        return (before ?? after)?.Person;
    }

    /// <summary>The organisation the article gives <paramref name="person"/> a role in, if any: Talal Silo is the SDF's spokesman.</summary>
    public string? OrganisationOf(string person) =>
        bindings.FirstOrDefault(b => b.Organisation is not null && b.Person == person)?.Organisation;

    /// <summary>The person whose role phrase holds <paramref name="at"/>: "X, the head of the Observatory, said" is X, not the Observatory.</summary>
    public string? PersonAround(int at) => bindings.FirstOrDefault(b => b.Start <= at && at < b.End)?.Person;
}
