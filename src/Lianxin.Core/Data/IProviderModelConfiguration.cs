using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Data;

/// <summary>A feature's mapping that differs by database provider. <see cref="LianxinDbContext"/> applies every
/// implementation in its assembly after the entity configurations, so it names no feature.</summary>
public interface IProviderModelConfiguration
{
    void Configure(ModelBuilder builder, string? providerName);
}
