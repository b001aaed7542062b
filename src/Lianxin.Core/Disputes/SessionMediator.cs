using Lianxin.Core.Organization;

namespace Lianxin.Core.Disputes;

/// <summary>Who mediated: a member of the registry (name, kind and organisation as they were then), or
/// an outside person named with their organisation ("1+8+N" forces not in the registry).</summary>
public sealed class SessionMediator
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid? MemberId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Organization { get; private set; }
    public MemberKind? Kind { get; private set; }

    private SessionMediator() { }

    public static SessionMediator FromMember(Member m) =>
        new()
        {
            MemberId = m.Id,
            Name = m.Name,
            Organization = m.Organization,
            Kind = m.Kind,
        };

    public static SessionMediator Outside(string? name, string? organization) =>
        new() { Name = name?.Trim() ?? "", Organization = Common.Checks.Clean(organization) };

    public bool IsMember => MemberId is not null;
}
