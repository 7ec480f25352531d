namespace NeuroNav.Corpus.Tests.Tables;

public sealed class PartitionPathTests
{
    [Fact]
    public void A_part_path_is_built_and_parsed_in_one_place()
    {
        var path = PartitionPath.Relative("n2g_graphs", "gpt2-small", 11, "part-0638000000000000000-0a1b2c3d.parquet");

        Assert.Equal("n2g_graphs/model=gpt2-small/layer=11/part-0638000000000000000-0a1b2c3d.parquet", path);
        Assert.True(PartitionPath.TryParse(path, out var part));
        Assert.Equal(("n2g_graphs", "gpt2-small", 11, "part-0638000000000000000-0a1b2c3d.parquet"), part);
    }

    [Theory]
    [InlineData("n2g_graphs/model=gpt2-small/layer=-1/part.parquet")]
    [InlineData("n2g_graphs/model=gpt2-small/layer=x/part.parquet")]
    [InlineData("n2g_graphs/model=/layer=1/part.parquet")]
    [InlineData("n2g_graphs/gpt2-small/layer=1/part.parquet")]
    [InlineData("model=gpt2-small/layer=1/part.parquet")]
    [InlineData("_partitions/gpt2-small/0-3.json")]
    public void A_path_outside_the_layout_is_not_a_partition(string path) => Assert.False(PartitionPath.TryParse(path, out _));
}
