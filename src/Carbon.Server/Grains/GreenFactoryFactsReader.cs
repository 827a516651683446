using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Factors;
using Carbon.Domain.GreenFactory;
using Carbon.Domain.Registry;
using Carbon.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Grains;

/// <summary>
/// Gathers what a green-factory grade is computed from, from the enterprise grain that holds it: the year's current
/// filings, the 2020 baseline and the current profile (land, floor area, footprint). Nothing is typed in by the applicant.
/// </summary>
public sealed class GreenFactoryFactsReader(IGrainFactory grains, FactorSet factors, IOptions<CarbonOptions> options)
{
    private static readonly Caller Service = Caller.System("green-factory");

    public async Task<GreenFactoryFacts?> ReadAsync(Uscc uscc, int year, string? product)
    {
        var enterprise = grains.Enterprise(uscc);
        if (await enterprise.GetAsync(Service) is not { } found)
        {
            return null;
        }
        var (profile, profileRevision) = (found.Profile, found.Revision);
        var current = await enterprise.GetFilingsAsync(year, Service);
        var baseline = await enterprise.GetFilingsAsync(IntensityAccounting.BaselineYear, Service);
        var site = new GreenFactorySite(uscc.Value, profile.Name, profile.IndustryCode, profileRevision, profile.LandAreaMu, profile.FloorAreaM2,
            profile.FootprintM2);
        return GreenFactoryFactsCalculator.Compute(site, year, product, current, baseline, factors, options.Value.GridRegion);
    }
}
