using Pogema.Env.Maps;

namespace Pogema.Env.Tests.Maps;

public class WarehouseMapTests
{
    [Fact]
    public void LayoutIs33By46WithShelvesStartsAndGoals()
    {
        var map = WarehouseMap.Create();
        Assert.Equal("wfi_warehouse", map.Name);
        Assert.Equal(33, map.Height);
        Assert.Equal(46, map.Width);
        Assert.Equal(192, map.Text.Count(c => c == '@'));
        Assert.Equal(480, map.Text.Count(c => c == '$'));
        Assert.Equal(240, map.Text.Count(c => c == '#'));
        var rows = MapText.Rows(map.Text);
        Assert.Equal(new string('!', 46), rows[0]);
        Assert.Equal("!@@!@@!$$$$$$$$$$!$$$$$$$$$$!$$$$$$$$$$!@@!@@!", rows[1]);
        Assert.Equal("!@@!@@!##########!##########!##########!@@!@@!", rows[2]);
        Assert.Equal(new string('!', 46), rows[32]);
    }
}
