// Elasticsearch's Arabic chain as Lucene runs it: StandardTokenizer, LowerCaseFilter, ArabicNormalizationFilter,
// ArabicStemFilter. Reads one text a line on standard input, writes its tokens space-separated a line.
// Run by search/tests/test_lucene_parity.py with Debian's liblucene8-java: java -cp <jars> ArabicChain.java
import java.io.*;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.*;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.ar.*;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

public class ArabicChain {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
    Analyzer analyzer = new Analyzer() {
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new ArabicNormalizationFilter(stream);
        stream = new ArabicStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }
    };
    String line;
    while ((line = in.readLine()) != null) {
      StringBuilder tokens = new StringBuilder();
      try (TokenStream stream = analyzer.tokenStream("f", line)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) { if (tokens.length() > 0) tokens.append(' '); tokens.append(term); }
        stream.end();
      }
      out.println(tokens);
    }
  }
}
