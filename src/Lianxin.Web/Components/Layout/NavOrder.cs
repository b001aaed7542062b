namespace Lianxin.Web.Components.Layout;

/// <summary>Where each area's links stand in the side menu, in one list so two features never claim one place.
/// A feature's links take its number and the next few.</summary>
public static class NavOrder
{
    public const int Home = 100;
    public const int Places = 200;
    public const int Members = 300;
    public const int Residents = 400;
    public const int Disputes = 500;
    public const int Incidents = 600;
    public const int IncidentImport = 700;
    public const int Volunteers = 800;
    public const int Notifications = 900;
    public const int Dictionaries = 1000;
    public const int Users = 1100;
    public const int Roles = 1200;
    public const int Audit = 1300;
    public const int Api = 1400;
}
