//! Sizes in bytes of the result's building blocks. A decision or member finding is written once
//! into its place, but every push, clone and drop touches all of it, so a field added to one of
//! them costs every household. Run: `cargo run --release --example struct_sizes`.
fn main() {
    use jingning_policy::household::decision::*;
    println!("Decision {}", std::mem::size_of::<Decision>());
    println!("MemberFinding {}", std::mem::size_of::<MemberFinding>());
    println!("Finding {}", std::mem::size_of::<Finding>());
    println!("Figure {}", std::mem::size_of::<Figure>());
    println!("Prose {}", std::mem::size_of::<jingning_policy::prose::Prose>());
    println!("Arg {}", std::mem::size_of::<jingning_policy::prose::Arg>());
    println!("Threshold {}", std::mem::size_of::<jingning_policy::explain::Threshold>());
    println!("Missing {}", std::mem::size_of::<jingning_policy::explain::Missing>());
    println!("Result {}", std::mem::size_of::<jingning_policy::household::evaluate::HouseholdResult>());
}
