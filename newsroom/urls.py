from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from newsroom import sitemaps, views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("", include("articles.urls")),
    path("", include("people.urls")),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.section, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("healthz/", views.health, name="health"),
    path(settings.ADMIN_URL, admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
