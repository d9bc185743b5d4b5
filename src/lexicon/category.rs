//! The closed list of technology categories.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! categories {
    ($($variant:ident => $name:literal, $doc:literal;)*) => {
        /// The category of a lexicon entry, from a closed list (see `lexicons/README.md`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Category {
            $(#[doc = $doc] $variant,)*
        }

        impl Category {
            /// Every category, in documentation order.
            pub const ALL: &'static [Category] = &[$(Category::$variant,)*];

            /// The name used in lexicon files and in the JSON output.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Category::$variant => $name,)*
                }
            }

            /// Parses a category name as written in a lexicon file.
            ///
            /// ```
            /// use jdtag::lexicon::Category;
            /// assert_eq!(Category::parse("cloud_service"), Some(Category::CloudService));
            /// assert_eq!(Category::parse("cloud"), None);
            /// ```
            pub fn parse(s: &str) -> Option<Category> {
                match s {
                    $($name => Some(Category::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

categories! {
    Language => "language", "Programming, query, markup and style-sheet languages.";
    Framework => "framework", "Application and UI frameworks.";
    Library => "library", "Libraries and runtimes that are not frameworks.";
    Database => "database", "Databases and data stores.";
    CloudPlatform => "cloud_platform", "Cloud providers and platforms as a service.";
    CloudService => "cloud_service", "Named services of a cloud provider.";
    Devops => "devops", "CI/CD, build, infrastructure as code, version control.";
    Container => "container", "Containers and orchestration.";
    Observability => "observability", "Monitoring, logging and tracing.";
    Messaging => "messaging", "Messaging and streaming.";
    Testing => "testing", "Test frameworks and QA tools.";
    DataMl => "data_ml", "Data engineering, analytics and machine learning.";
    Security => "security", "Security, identity and compliance.";
    Protocol => "protocol", "Protocols, standards, formats and API styles.";
    Methodology => "methodology", "Methods and practices.";
    Os => "os", "Operating systems.";
    Tool => "tool", "IDEs, editors, developer and collaboration tools.";
    BusinessSoftware => "business_software", "Business software named in non-engineering postings.";
    SoftSkill => "soft_skill", "Soft skills (not technologies).";
    Certification => "certification", "Certifications.";
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
