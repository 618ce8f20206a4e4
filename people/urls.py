from django.urls import path

from people import feeds, views

app_name = "people"
urlpatterns = [
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("people/<slug:slug>/feed/", feeds.PersonFeed(), name="person-feed"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization-list"),
    path("organizations/<slug:slug>/", views.OrganizationDetailView.as_view(), name="organization-detail"),
    path("organizations/<slug:slug>/feed/", feeds.OrganizationFeed(), name="organization-feed"),
    path("suggest/people/", views.person_suggestions, name="person-suggestions"),
    path("suggest/organizations/", views.organization_suggestions, name="organization-suggestions"),
]
