fn main() {
    use jingning_policy::household::decision::*;
    println!("Decision {}", std::mem::size_of::<Decision>());
    println!("MemberFinding {}", std::mem::size_of::<MemberFinding>());
    println!("Finding {}", std::mem::size_of::<Finding>());
    println!("Figure {}", std::mem::size_of::<Figure>());
    println!("Prose {}", std::mem::size_of::<jingning_policy::prose::Prose>());
    println!("Threshold {}", std::mem::size_of::<jingning_policy::explain::Threshold>());
    println!("Missing {}", std::mem::size_of::<jingning_policy::explain::Missing>());
    println!("Result {}", std::mem::size_of::<jingning_policy::household::evaluate::HouseholdResult>());
}
