from django.urls import path

from . import views

app_name = "attendance"

urlpatterns = [
    path("check-in/", views.check_in, name="check_in"),
    path("certificates/", views.verify_form, name="verify_form"),
    path("certificates/<str:number>/", views.verify, name="verify"),
    path("certificates/<str:number>/certificate.pdf", views.certificate_pdf, name="certificate_pdf"),
]
