namespace CustomerTools.HelpScout;

/// <summary>
/// A customer as a list page gives it: complete when the page embeds its emails, phones… (then
/// <see cref="Customer"/> is set), else only its id, and the full record must be fetched.
/// </summary>
internal readonly struct HelpScoutListItem
{
    public HelpScoutListItem(long id, HelpScoutCustomer? customer)
    {
        Id = id;
        Customer = customer;
    }

    public long Id { get; }

    public HelpScoutCustomer? Customer { get; }
}
