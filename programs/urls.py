from django.urls import path

from . import views

app_name = "programs"

urlpatterns = [
    path("registration/<str:token>/", views.registration_status, name="registration_status"),
    path("my-registration/<str:token>/", views.registrant_page, name="registrant_page"),
    path("approval/<str:token>/<str:decision>/", views.approval, name="approval"),
    path("cancel/<str:token>/", views.cancel, name="cancel"),
    path("events/<int:page_id>/event.ics", views.event_ics, name="event_ics"),
    path("feeds/program-<int:page_id>.ics", views.program_feed, name="program_feed"),
    path("feeds/calendar.ics", views.calendar_feed, name="calendar_feed"),
]
