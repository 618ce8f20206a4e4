from django.urls import path, register_converter

from articles import feeds, views


class TwoDigitsConverter:
    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


class YearConverter(TwoDigitsConverter):
    regex = "[0-9]{4}"

    def to_url(self, value):
        return f"{int(value):04d}"


register_converter(YearConverter, "yyyy")
register_converter(TwoDigitsConverter, "nn")

app_name = "articles"
urlpatterns = [
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<yyyy:year>/", views.ArticleYearArchiveView.as_view(), name="article-year"),
    path("articles/<yyyy:year>/<nn:month>/", views.ArticleMonthArchiveView.as_view(), name="article-month"),
    path(
        "articles/<yyyy:year>/<nn:month>/<nn:day>/<slug:slug>/",
        views.ArticleDetailView.as_view(),
        name="article-detail",
    ),
    path("quotes/", views.QuoteListView.as_view(), name="quote-list"),
    path("feeds/articles/", feeds.LatestArticlesFeed(), name="article-feed"),
    path("feeds/readable.xsl", feeds.xml_stylesheet, name="xml-stylesheet"),
]
