namespace Lianxin.Core.Volunteers;

public sealed class PhotoContent
{
    public Guid Id { get; set; }
    public byte[] Data { get; set; } = [];
}
