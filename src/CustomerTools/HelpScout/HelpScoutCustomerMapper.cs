using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CustomerTools.HelpScout;

/// <summary>Turns a customer body as read from the wire into the output type.</summary>
internal static class HelpScoutCustomerMapper
{
    public static HelpScoutCustomer ToCustomer(HelpScoutCustomerJson json)
    {
        if (json.Id <= 0)
        {
            throw new JsonException("a customer has no id");
        }

        HelpScoutEmbeddedJson e = json.Embedded ?? new HelpScoutEmbeddedJson();
        string? first = json.FirstName ?? json.First;
        string? last = json.LastName ?? json.Last;
        var emails = Entries(e.Emails);
        return new HelpScoutCustomer
        {
            Id = json.Id,
            FirstName = first,
            LastName = last,
            Name = $"{first} {last}".Trim(),
            Email = emails.Count > 0 ? emails[0].Value : null,
            Emails = emails,
            Phones = Entries(e.Phones),
            Chats = Entries(e.Chats),
            SocialProfiles = Entries(Concat(e.SocialProfiles, e.SocialProfilesDashed, e.SocialProfilesCamel)),
            Websites = Entries(e.Websites),
            Properties = e.Properties is { Count: > 0 } properties
                ? new ItemList<HelpScoutProperty>(properties.Where(p => p is not null).Select(p => new HelpScoutProperty
                {
                    Slug = p!.Slug,
                    Name = p.Name,
                    Type = p.Type,
                    Value = p.Value,
                    Text = p.Text,
                    Source = p.Source?.Name,
                }).ToArray())
                : ItemList<HelpScoutProperty>.None,
            Address = e.Address is { } a
                ? new HelpScoutAddress
                {
                    City = a.City,
                    State = a.State,
                    PostalCode = a.PostalCode,
                    Country = a.Country,
                    Lines = a.Lines is { Count: > 0 } lines ? new ItemList<string>(lines.Where(l => l is not null).Select(l => l!).ToArray()) : ItemList<string>.None,
                }
                : null,
            Gender = json.Gender,
            JobTitle = json.JobTitle,
            Location = json.Location,
            Organization = json.Organization,
            OrganizationId = json.OrganizationId,
            PhotoType = json.PhotoType,
            PhotoUrl = json.PhotoUrl,
            Age = json.Age,
            Background = json.Background,
            Draft = json.Draft,
            CreatedAt = json.CreatedAt,
            UpdatedAt = json.UpdatedAt,
        };
    }

    private static IEnumerable<HelpScoutEntryJson?>? Concat(params List<HelpScoutEntryJson?>?[] lists) =>
        lists.Where(list => list is not null).SelectMany(list => list!);

    private static ItemList<HelpScoutEntry> Entries(IEnumerable<HelpScoutEntryJson?>? entries)
    {
        var items = entries?.Where(entry => entry is not null).Select(entry => new HelpScoutEntry { Id = entry!.Id, Value = entry.Value, Type = entry.Type }).ToArray();
        return items is { Length: > 0 } ? new ItemList<HelpScoutEntry>(items) : ItemList<HelpScoutEntry>.None;
    }
}
