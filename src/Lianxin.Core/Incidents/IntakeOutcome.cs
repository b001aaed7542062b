namespace Lianxin.Core.Incidents;

public enum IntakeOutcome
{
    Created = 1, // stored now
    Duplicate = 2, // the number was already known (or came earlier in the same batch): nothing changed
    Invalid = 3, // refused, see the field errors; nothing stored for it
}
