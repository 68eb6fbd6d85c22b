using CustomerTools.Pipeline;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>The ids a listing has written: each one true once, whatever its spelling.</summary>
public sealed class CustomerIdSetTests
{
    [Fact]
    public void A_Kustomer_id_is_new_once_in_either_case()
    {
        var seen = new CustomerIdSet();

        Assert.True(seen.Add("64b7f0c2e4a1d3b5c6a7e8f9"));
        Assert.False(seen.Add("64b7f0c2e4a1d3b5c6a7e8f9"));
        Assert.False(seen.Add("64B7F0C2E4A1D3B5C6A7E8F9"));
        Assert.Equal(1, seen.Count);
    }

    [Fact]
    public void Ids_that_differ_in_any_of_their_24_characters_are_different()
    {
        var seen = new CustomerIdSet();
        const string Id = "64b7f0c2e4a1d3b5c6a7e8f9";

        Assert.True(seen.Add(Id));
        for (int i = 0; i < Id.Length; i++)
        {
            string other = Id.Substring(0, i) + (Id[i] == '0' ? '1' : '0') + Id.Substring(i + 1);
            Assert.True(seen.Add(other), other);
        }

        Assert.Equal(25, seen.Count);
    }

    [Theory]
    [InlineData("acct-20931")]
    [InlineData("64b7f0c2e4a1d3b5c6a7e8f")]
    [InlineData("64b7f0c2e4a1d3b5c6a7e8fg")]
    [InlineData("64b7f0c2e4a1d3b5c6a7e8f9a")]
    public void Other_ids_are_kept_as_text_and_compared_exactly(string id)
    {
        var seen = new CustomerIdSet();

        Assert.True(seen.Add(id));
        Assert.False(seen.Add(id));
        Assert.True(seen.Add(id.ToUpperInvariant()), "text ids are compared as they are spelled");
    }

    [Fact]
    public void Help_Scout_ids_are_numbers_of_their_own()
    {
        var seen = new CustomerIdSet();

        Assert.True(seen.Add(4150271L));
        Assert.False(seen.Add(4150271L));
        Assert.True(seen.Add("4150271"));
        Assert.Equal(2, seen.Count);
    }
}
