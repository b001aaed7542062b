namespace Lianxin.Core.Disputes;

public enum AttachmentKind
{
    Photo = 1,
    Document = 2,
}
