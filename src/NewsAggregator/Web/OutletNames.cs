using NewsAggregator.Core.Outlets;

namespace NewsAggregator.Web;

/// <summary>Outlet display names for pages.</summary>
public sealed class OutletNames(OutletDirectory outlets)
{
    public string Name(string outletId) => outlets.Find(outletId)?.Name ?? outletId;
}
