"""The operator's screens for the AI: enrolment, the face gallery, AI events and zones."""
