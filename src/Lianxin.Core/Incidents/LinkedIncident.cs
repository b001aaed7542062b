namespace Lianxin.Core.Incidents;

public sealed record LinkedIncident(Guid Id, string Number, DateTimeOffset ReceivedAt, string Summary);
