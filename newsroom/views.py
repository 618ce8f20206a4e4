from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from articles.models import Article, Quote
from people.templatetags.speakers import roles_of

HOME_ARTICLES = 10
HOME_QUOTES = 4


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        articles = list(Article.objects.for_listing()[:HOME_ARTICLES])
        quotes = Quote.objects.latest(HOME_QUOTES)
        prefetch_related_objects(quotes, roles_of())  # each speaker's role on the day, in one query
        context.update(lead=articles[0] if articles else None, articles=articles[1:], quotes=quotes)
        return context


@require_safe
def health(request):
    """For load balancers and the benchmark's floor: the whole middleware stack, no database."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_URL}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
