import { useParams } from 'react-router';

export function ContractPage() {
  const { slug } = useParams();
  return <h1>{slug}</h1>;
}
