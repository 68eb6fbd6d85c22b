using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;

namespace CustomerTools.Kustomer;

/// <summary>Turns a customer resource as read from the wire into the output type; its emails, phones and tags read as a company's do.</summary>
internal static class KustomerCustomerMapper
{
    public static KustomerCustomer ToCustomer(KustomerResource resource)
    {
        if (string.IsNullOrEmpty(resource.Id))
        {
            throw new JsonException("a customer resource has no id");
        }

        KustomerAttributes a = resource.Attributes ?? new KustomerAttributes();
        var emails = Emails(a);
        var phones = Phones(a);
        var externalIds = List(a.ExternalIds, x => new KustomerExternalId { ExternalId = x.ExternalId, Verified = x.Verified });
        return new KustomerCustomer
        {
            Id = resource.Id!,
            Name = a.Name,
            DisplayName = a.DisplayName,
            Email = emails.Count > 0 ? emails[0].Email : null,
            Emails = emails,
            Phone = phones.Count > 0 ? phones[0].Phone : null,
            Phones = phones,
            ExternalId = a.ExternalId ?? (externalIds.Count > 0 ? externalIds[0].ExternalId : null),
            ExternalIds = externalIds,
            Tags = Tags(a),
            Locale = a.Locale,
            TimeZone = a.TimeZone,
            Gender = a.Gender,
            AvatarUrl = a.AvatarUrl,
            Username = a.Username,
            Verified = a.Verified,
            Presence = a.Presence,
            ProgressiveStatus = a.ProgressiveStatus,
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
            ModifiedAt = a.ModifiedAt,
            SignedUpAt = a.SignedUpAt,
            LastSeenAt = a.LastSeenAt,
            LastActivityAt = a.LastActivityAt,
            LastCustomerActivityAt = a.LastCustomerActivityAt,
            BirthdayAt = a.BirthdayAt,
            ConversationCounts = a.ConversationCounts is { } c
                ? new KustomerConversationCounts { All = c.All, Open = c.Open, Snoozed = c.Snoozed, Done = c.Done }
                : null,
            Sentiment = a.Sentiment is { } s ? new KustomerSentiment { Polarity = s.Polarity, Confidence = s.Confidence } : null,
            Custom = a.Custom ?? new PSObject(),
            Rev = a.Rev,
            CompanyId = resource.Relationships?.Company?.Data?.Id is { Length: > 0 } linked ? linked : a.Company,
            Deleted = a.Deleted,
        };
    }

    /// <summary>The emails of a customer or a company, in the same shape.</summary>
    public static ItemList<KustomerEmail> Emails(KustomerAttributes a) =>
        List(a.Emails, e => new KustomerEmail { Email = e.Email, Type = e.Type, Verified = e.Verified });

    /// <summary>The phones of a customer or a company, in the same shape.</summary>
    public static ItemList<KustomerPhone> Phones(KustomerAttributes a) =>
        List(a.Phones, p => new KustomerPhone { Phone = p.Phone, Type = p.Type, Verified = p.Verified });

    /// <summary>Tags without nulls, never null.</summary>
    public static string[] Tags(KustomerAttributes a) => a.Tags?.Where(tag => tag is not null).ToArray() ?? Array.Empty<string>();

    private static ItemList<TOut> List<TIn, TOut>(List<TIn>? items, Func<TIn, TOut> map)
        where TIn : class =>
        items is null || items.Count == 0
            ? ItemList<TOut>.None
            : new ItemList<TOut>(items.Where(item => item is not null).Select(map).ToArray());
}
