namespace Lianxin.Web.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
