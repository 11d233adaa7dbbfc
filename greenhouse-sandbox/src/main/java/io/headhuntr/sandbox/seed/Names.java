package io.headhuntr.sandbox.seed;

import java.util.List;

/** Word lists the seeds draw from; every generated person shares these strings. */
final class Names {
  private Names() {}

  static final List<String> FIRST =
      List.of(
          "Ava", "Liam", "Maya", "Noah", "Zoe", "Ethan", "Chloe", "Lucas", "Priya", "Omar", "Sofia",
          "Mateo", "Hana", "Kenji", "Amara", "Diego", "Leila", "Jonas", "Ingrid", "Tariq", "Nora",
          "Felix", "Aisha", "Hugo", "Mei", "Ravi", "Elena", "Samuel", "Yara", "Oscar", "Lena",
          "Isaac", "Fatima", "Anders", "Camila", "Daniel", "Grace", "Kofi", "Julia", "Marco");
  static final List<String> LAST =
      List.of(
          "Smith",
          "Garcia",
          "Chen",
          "Okafor",
          "Müller",
          "Rossi",
          "Nakamura",
          "Patel",
          "Kowalski",
          "Silva",
          "Johansson",
          "Dubois",
          "Kim",
          "Haddad",
          "O'Brien",
          "Novak",
          "Santos",
          "Ivanova",
          "Larsen",
          "Moreau",
          "Tanaka",
          "Adeyemi",
          "Fischer",
          "Costa",
          "Nguyen",
          "Schmidt",
          "Ali",
          "Hughes",
          "Bauer",
          "Romero",
          "Eriksen",
          "Mensah",
          "Kaur",
          "Weber",
          "Lopez",
          "Brennan",
          "Sato",
          "Yilmaz",
          "Petrov",
          "Walsh");
  static final List<String> COMPANIES =
      List.of(
          "Initech",
          "Globex",
          "Umbrella Labs",
          "Stark Analytics",
          "Wayne Logistics",
          "Acme Corp",
          "Hooli",
          "Pied Piper",
          "Vandelay Industries",
          "Soylent",
          "Cyberdyne",
          "Tyrell Systems",
          "Wonka Foods",
          "Massive Dynamic",
          "Aperture Science",
          "Oscorp",
          "Gringotts",
          "Monarch Health",
          "Nakatomi Trading",
          "Blue Sun");
  static final List<String> TITLES =
      List.of(
          "Software Engineer",
          "Senior Software Engineer",
          "Product Manager",
          "Data Scientist",
          "Account Executive",
          "Designer",
          "Engineering Manager",
          "Recruiter",
          "Marketing Manager",
          "Site Reliability Engineer",
          "QA Engineer",
          "Sales Development Rep",
          "Customer Success Manager",
          "Staff Engineer",
          "Analyst",
          "Operations Lead");
  static final List<String> TAGS =
      List.of(
          "Java",
          "Python",
          "Go",
          "Kotlin",
          "SQL",
          "Leadership",
          "Remote",
          "Referral",
          "Returning",
          "Senior");
  static final List<String> JOB_TITLES =
      List.of(
          "Backend Engineer",
          "Frontend Engineer",
          "Full-Stack Engineer",
          "Site Reliability Engineer",
          "Data Engineer",
          "Machine Learning Engineer",
          "Engineering Manager",
          "Product Manager",
          "Senior Product Designer",
          "UX Researcher",
          "Account Executive",
          "Sales Development Representative",
          "Solutions Engineer",
          "Marketing Manager",
          "Content Strategist",
          "Recruiter",
          "People Partner",
          "Technical Writer",
          "Security Engineer",
          "QA Automation Engineer",
          "Mobile Engineer (iOS)",
          "Mobile Engineer (Android)",
          "Data Analyst",
          "Customer Success Manager",
          "Finance Manager",
          "Office Manager",
          "Staff Engineer",
          "Platform Engineer",
          "Growth Marketer",
          "Head of Sales");
  static final List<String> STAGES =
      List.of(
          "Application Review",
          "Recruiter Phone Screen",
          "Take Home Test",
          "Face to Face",
          "Reference Check",
          "Offer");
}
