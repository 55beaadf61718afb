// Given and family names for fictional demo patients: common US names from many backgrounds.
export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Olivia', 'Emma', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Charlotte', 'Amelia', 'Harper', 'Evelyn', 'Abigail', 'Emily',
  'Elizabeth', 'Sofia', 'Madison', 'Avery', 'Ella', 'Scarlett', 'Grace', 'Chloe', 'Camila', 'Penelope', 'Riley', 'Layla',
  'Lillian', 'Nora', 'Zoey', 'Mila', 'Aubrey', 'Hannah', 'Lily', 'Addison', 'Eleanor', 'Natalie', 'Luna', 'Savannah',
  'Brooklyn', 'Leah', 'Zoe', 'Stella', 'Hazel', 'Ellie', 'Paisley', 'Audrey', 'Skylar', 'Violet', 'Claire', 'Bella',
  'Aaliyah', 'Imani', 'Keisha', 'Tamika', 'Ebony', 'Latoya', 'Jasmine', 'Maria', 'Guadalupe', 'Lucia', 'Valentina',
  'Ximena', 'Daniela', 'Mariana', 'Priya', 'Ananya', 'Divya', 'Lakshmi', 'Mei', 'Ling', 'Yuki', 'Haruka', 'Ji-woo',
  'Min-seo', 'Linh', 'Thao', 'Fatima', 'Aisha', 'Leila', 'Noor', 'Chiamaka', 'Adaeze', 'Amara', 'Siobhan', 'Ingrid',
  'Katarzyna', 'Anya', 'Margaret', 'Dorothy', 'Patricia', 'Barbara', 'Susan', 'Linda', 'Karen', 'Deborah', 'Nancy',
  'Rachel', 'Rebecca', 'Miriam', 'Esther', 'Rosa', 'Carmen', 'Tanvi', 'Kiana', 'Leilani', 'Nadia',
];

export const MALE_GIVEN_NAMES: readonly string[] = [
  'Liam', 'Noah', 'William', 'James', 'Oliver', 'Benjamin', 'Elijah', 'Lucas', 'Mason', 'Logan', 'Alexander', 'Ethan',
  'Jacob', 'Michael', 'Daniel', 'Henry', 'Jackson', 'Sebastian', 'Aiden', 'Matthew', 'Samuel', 'David', 'Joseph',
  'Carter', 'Owen', 'Wyatt', 'John', 'Jack', 'Luke', 'Jayden', 'Dylan', 'Grayson', 'Levi', 'Isaac', 'Gabriel', 'Julian',
  'Mateo', 'Anthony', 'Jaxon', 'Lincoln', 'Joshua', 'Christopher', 'Andrew', 'Theodore', 'Caleb', 'Ryan', 'Nathan',
  'Isaiah', 'Malik', 'Darnell', 'Terrence', 'Andre', 'DeShawn', 'Marcus', 'Jamal', 'Carlos', 'Luis', 'Jose', 'Juan',
  'Miguel', 'Diego', 'Alejandro', 'Javier', 'Arjun', 'Rohan', 'Vikram', 'Sanjay', 'Wei', 'Jun', 'Hiroshi', 'Kenji',
  'Min-jun', 'Seo-jun', 'Minh', 'Duc', 'Omar', 'Ahmed', 'Yusuf', 'Khalid', 'Chinedu', 'Emeka', 'Kwame', 'Kofi', 'Sean',
  'Patrick', 'Lars', 'Piotr', 'Dmitri', 'Robert', 'Richard', 'Thomas', 'Charles', 'Donald', 'George', 'Kenneth',
  'Steven', 'Edward', 'Ronald', 'Harold', 'Aaron', 'Eli', 'Moshe', 'Rafael', 'Kai', 'Makoa', 'Tariq',
];

export const FAMILY_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez',
  'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
  'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera',
  'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Washington', 'Jefferson', 'Freeman', 'Banks', 'Battle', 'Okafor',
  'Adeyemi', 'Mensah', 'Boateng', 'Nwosu', 'Diallo', 'Haile', 'Tesfaye', 'Patel', 'Shah', 'Singh', 'Kumar', 'Reddy',
  'Iyer', 'Chatterjee', 'Khan', 'Ahmed', 'Hussain', 'Haddad', 'Nasser', 'Farah', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu',
  'Huang', 'Wong', 'Tanaka', 'Sato', 'Suzuki', 'Watanabe', 'Kim', 'Park', 'Choi', 'Tran', 'Pham', 'Le', 'Vo', 'Santos',
  'Reyes', 'Cruz', 'Bautista', 'Mendoza', 'Castillo', 'Morales', 'Ortiz', 'Gutierrez', 'Chavez', 'Romero', 'Vargas',
  "O'Brien", 'Murphy', 'Kelly', 'Sullivan', 'McCarthy', 'Kowalski', 'Nowak', 'Novak', 'Schmidt', 'Muller', 'Fischer',
  'Weber', 'Rossi', 'Russo', 'Esposito', 'Cohen', 'Levi', 'Friedman', 'Goldberg', 'Andersen', 'Larsen', 'Johansson',
  'Ivanov', 'Petrov', 'Popescu', 'Kealoha', 'Begay', 'Yazzie', 'Tso', 'Running Bear', 'Silva', 'Costa', 'Pereira',
  'Dubois', 'Laurent', 'Moreau', 'Bernard', 'Fontaine',
];
