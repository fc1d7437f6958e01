// Placeholder until the host lands; replaced in the next commit.
Console.WriteLine("newsagg");
