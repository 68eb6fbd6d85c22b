using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CustomerTools.HelpScout;

/// <summary>Turns an organization body as read from the wire into the output type.</summary>
internal static class HelpScoutOrganizationMapper
{
    public static HelpScoutOrganization ToOrganization(HelpScoutOrganizationJson json)
    {
        if (json.Id <= 0)
        {
            throw new JsonException("an organization has no id");
        }

        return new HelpScoutOrganization
        {
            Id = json.Id,
            Name = json.Name,
            Website = json.Website,
            Description = json.Description,
            Location = json.Location,
            LogoUrl = json.LogoUrl,
            Note = json.Note,
            Domains = Texts(json.Domains),
            Phones = Texts(json.Phones),
            BrandColor = json.BrandColor,
            CustomerCount = json.CustomerCount,
            ConversationCount = json.ConversationCount,
            CreatedAt = json.CreatedAt,
            UpdatedAt = json.UpdatedAt,
        };
    }

    private static string[] Texts(List<string?>? values) => values?.OfType<string>().ToArray() ?? Array.Empty<string>();
}
