using Carbon.Domain.Registry;

namespace Carbon.Domain.Tests;

public class RegistryTests
{
    [Theory]
    // A widely published sample code. Hand check of the check character (GB 32100-2015 §5.2):
    // values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4 × weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28
    // = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → '3'.
    [InlineData("91350100M000100Y43")]
    [InlineData("91330212MA2H3XY01C")]
    public void Valid_codes_parse(string code)
    {
        Assert.True(Uscc.TryParse(code, out var uscc, out var error), error);
        Assert.Equal(code, uscc.Value);
    }

    [Theory]
    [InlineData("91350100M000100Y44", "校验码")]      // wrong check character
    [InlineData("91350100M000100Y4", "18")]           // 17 characters
    [InlineData("91350100M000100I43", "字符集")]      // I is not in the alphabet
    [InlineData("91350100m000100Y43", "字符集")]      // lower case
    [InlineData("", "不能为空")]
    public void Invalid_codes_say_why(string code, string reason)
    {
        Assert.False(Uscc.TryParse(code, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void A_check_value_of_31_is_written_as_0()
    {
        // Find a body whose weighted sum is ≡ 0 (mod 31): then 31 − 0 = 31, written '0'.
        var body = "00000000000000000";
        Assert.Equal('0', Uscc.CheckCharacter(body));
    }

    [Theory]
    [InlineData("2023-01", 2023, 1)]
    [InlineData("2020-12", 2020, 12)]
    public void Months_parse(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var ym));
        Assert.Equal(new YearMonth(year, month), ym);
        Assert.Equal(text, ym.ToString());
    }

    [Theory]
    [InlineData("2023-13")]
    [InlineData("2023-00")]
    [InlineData("2023-1")]
    [InlineData("23-01")]
    [InlineData("2023/01")]
    [InlineData("+023-01")]
    public void Bad_months_do_not_parse(string text) => Assert.False(YearMonth.TryParse(text, out _));

    [Fact]
    public void Months_order_and_step_across_years()
    {
        var dec = new YearMonth(2020, 12);
        Assert.Equal(new YearMonth(2021, 1), dec.AddMonths(1));
        Assert.True(dec < new YearMonth(2021, 1));
        Assert.Equal(dec, YearMonth.FromIndex(dec.Index));
    }
}
