using Lianxin.Core.Common;

namespace Lianxin.Core.Data;

public static class Concurrency
{
    /// <summary>Makes the save compare against the version the client last read, so a stale edit is
    /// refused instead of silently overwriting someone else's.</summary>
    public static void Expect(LianxinDbContext db, Entity entity, long? clientVersion)
    {
        if (clientVersion is null)
            throw new ValidationFailedException("version", "请提供记录的版本号（version），以免覆盖他人的修改");
        if (clientVersion != entity.Version)
            throw new ConflictException("该记录已被他人修改，请刷新后再试");
        db.Entry(entity).Property(e => e.Version).OriginalValue = clientVersion.Value;
    }
}
