/**
 * HtmlParser is given to you; its only method is
 *     vector<string> getUrls(string url);
 * which returns the URLs that the page at `url` links to.
 */
class Solution {
public:
    vector<string> crawl(string startUrl, HtmlParser htmlParser) {

    }
};
